import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The suites share the machine with the lab and backend tests; role queries on a
// loaded CI host take seconds, so findBy/waitFor wait up to 10 s (not the 1 s default).
configure({ asyncUtilTimeout: 10_000 });
// Up to 6 such waits in one test, so the test itself may take a minute.
jest.setTimeout(60_000);
