import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixture';
import { startTestCore, type TestCore } from './test-core';

export interface FixtureAndCore {
  /**
   * Starts a new fixture server in place of one a test closed (to take the network away), so the
   * next tests reset, and the file's end closes, the server they use.
   */
  reopenFixture(): Promise<void>;
}

/**
 * The usual setup of a core-level test: one fixture server for the file (reset before each test)
 * and a fresh core over a temp data folder for each test. The setters hand both to the file's own
 * variables, so tests keep writing `fixture.` and `t.`.
 */
export function withFixtureAndCore(setFixture: (fixture: FixtureServer) => void, setCore: (core: TestCore) => void): FixtureAndCore {
  let fixture: FixtureServer;
  let core: TestCore;
  const openFixture = async () => {
    fixture = await startFixtureServer();
    setFixture(fixture);
  };
  beforeAll(openFixture);
  afterAll(() => fixture.close());
  beforeEach(async () => {
    fixture.reset();
    core = await startTestCore();
    setCore(core);
  });
  afterEach(() => core.dispose());
  return { reopenFixture: openFixture };
}
