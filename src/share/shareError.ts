/**
 * Why a share link or workspace file couldn't be opened. The only error the share codec
 * ever produces; `message` is written for the user ("This link is damaged: …").
 */
export class ShareError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ShareError';
  }
}
