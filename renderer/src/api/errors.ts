import type { AppError, ErrorCode } from '../../../shared/schemas';

/** Failures the renderer produces itself, next to the ones main reports. */
export type ClientErrorCode = 'disconnected';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** A failed request. The UI localizes by `code`; `message` is for developers and logs. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ApiErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  static from(error: AppError): ApiError {
    return new ApiError(error.code, error.message, error.details);
  }
}

/** Anything thrown by a call, normalized so error UI never has to guess its shape. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError('internal', err instanceof Error ? err.message : String(err));
}
