import type { Learn } from './useLearn';

/**
 * What a lesson link did to the version of its lesson stored here: asks when the stored one
 * is its user's own (from a file) or of unknown origin, and otherwise says it updated it (the
 * teacher's newer link: a class must get the fixed check, their code kept) or kept it (an
 * older link). Before, a student who answered "Keep mine" went on with the teacher's broken
 * check after the teacher had fixed it.
 */
export function LinkVersionNotice({ learn }: { learn: Learn }) {
  const notice = learn.linkNotice;
  return (
    <>
      {learn.linkVersion && (
        <p className="lesson-elsewhere" role="status" data-testid="lesson-link-version">
          The link carries another version of “{learn.linkVersion.title}” than the one stored here, which is shown (your progress in it is kept either way).{' '}
          <button type="button" className="small" data-testid="lesson-take-link-version" onClick={() => learn.settleLinkVersion(true)}>Use the link's version</button>{' '}
          <button type="button" className="small" data-testid="lesson-keep-stored-version" onClick={() => learn.settleLinkVersion(false)}>Keep mine</button>
        </p>
      )}
      {notice && (
        <p className="lesson-elsewhere" role="status" data-testid="lesson-link-updated">
          <span>
            {notice.kind === 'updated'
              ? `“${notice.title}” was updated: this link carries a newer version than the one you had. Check uses its checks now; your code is kept.`
              : `This link carries an earlier version of “${notice.title}” than the one you have (you opened a newer link since): the newer one stays, with its checks.`}
          </span>
          <button type="button" className="small" onClick={learn.dismissLinkNotice} aria-label="Hide this notice">✕</button>
        </p>
      )}
    </>
  );
}
