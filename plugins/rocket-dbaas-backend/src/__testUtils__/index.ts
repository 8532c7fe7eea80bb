export * from './rocketTestBackend';
export * from './intakeFixtures';
