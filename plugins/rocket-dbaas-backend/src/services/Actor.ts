/** Who does a thing: a user entity ref, or a service's subject. */
export type Actor = { ref: string };
