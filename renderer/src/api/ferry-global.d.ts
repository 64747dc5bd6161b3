import type { FerryBridge } from '../../../shared/bridge';

declare global {
  interface Window {
    /** Present only inside Electron, put there by the preload script. */
    ferry?: FerryBridge;
  }
}
