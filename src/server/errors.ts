/** Every error a client can receive, with the HTTP status it maps to — the only place that mapping lives. */
const statusByCode = {
  VALIDATION_FAILED: 400,
  WEAK_PASSWORD: 400,
  ROSTER_UNREADABLE: 400,
  TERM_INVALID: 400,
  AVAILABILITY_INVALID: 400,
  MEETING_MOVE_INVALID: 400,
  GROUPS_BREAK_RULES: 400,
  GROUPING_INFEASIBLE: 400,
  FEEDBACK_INVALID: 400,
  SUPERVISION_PLAN_INVALID: 400,
  SUPERVISION_MOVE_INVALID: 400,
  SSO_SETTINGS_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  SSO_REFUSED: 403,
  PASSWORD_SIGN_IN_OFF: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  INVITATION_INVALID: 404,
  PASSWORD_RESET_INVALID: 404,
  EMAIL_TAKEN: 409,
  SSO_DOMAIN_TAKEN: 409,
  ACCOUNT_LAST_ADMIN: 409,
  INVITATION_NOT_ALLOWED: 409,
  TERMS_OVERLAP: 409,
  ENROLMENT_CLOSED: 409,
  PROGRAM_NOT_DRAFT: 409,
  GROUPS_NOT_PUBLISHED: 409,
  GROUPS_HAVE_MET: 409,
  GROUP_CHANGE_BREAKS_RULE: 409,
  ASSESSMENT_WINDOW_CLOSED: 409,
  RESPONSE_ALREADY_SUBMITTED: 409,
  FEEDBACK_CLOSED: 409,
  ATTENDANCE_NOT_OPEN: 409,
  ATTENDANCE_CLOSED: 409,
  MEETING_CANCELLED: 409,
  PUBLIC_RECOGNITION_DECLINED: 409,
  SUPERVISION_NOT_PENDING: 409,
  SUPERVISION_NOT_ACTIVE: 409,
  SUPERVISION_CONVERSATION_PAST: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  SSO_PROVIDER_UNAVAILABLE: 502,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof statusByCode;

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: Record<string, string> } };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return statusByCode[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
    };
  }
}

export function statusOf(code: ErrorCode): number {
  return statusByCode[code];
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
