import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixture';
import { startTestCore, type TestCore } from './test-core';

/**
 * The usual setup of a core-level test: one fixture server for the file (reset before each test)
 * and a fresh core over a temp data folder for each test. The setters hand both to the file's own
 * variables, so tests keep writing `fixture.` and `t.`.
 */
export function withFixtureAndCore(setFixture: (fixture: FixtureServer) => void, setCore: (core: TestCore) => void): void {
  let fixture: FixtureServer;
  let core: TestCore;
  beforeAll(async () => {
    fixture = await startFixtureServer();
    setFixture(fixture);
  });
  afterAll(() => fixture.close());
  beforeEach(async () => {
    fixture.reset();
    core = await startTestCore();
    setCore(core);
  });
  afterEach(() => core.dispose());
}
