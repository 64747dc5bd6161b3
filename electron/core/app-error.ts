import type { AppError, ErrorCode } from '../../shared/schemas';

/** An error meant for the UI: its code is localized there, its message is safe to show and log. */
export class FerryError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'FerryError';
  }

  toJSON(): AppError {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}
