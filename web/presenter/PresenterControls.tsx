import type { Presenter } from './usePresenter';
import './presenter.css';

/** Header buttons: presenter mode on/off and, while presenting, the fullscreen diagram (also on F). */
export function PresenterControls({ presenter, stageTitle, offerStage = true }: { presenter: Presenter; stageTitle: string; offerStage?: boolean }) {
  return (
    <>
      {/* Only while presenting (the header has room then) and when the stage adds something
          (not over the debates reading); F works in every mode. */}
      {presenter.present && offerStage && (
        <button type="button" data-testid="fullscreen-toggle" onClick={() => presenter.setFullscreen(true)} title={`Show the ${stageTitle.toLowerCase()} fullscreen (F)`}>
          {stageTitle} (F)
        </button>
      )}
      <button
        type="button"
        data-testid="present-toggle"
        aria-pressed={presenter.present}
        className={presenter.present ? 'present-on' : undefined}
        onClick={presenter.togglePresent}
        title="Presenter mode: large fonts, high contrast, simpler header"
      >
        Present
      </button>
    </>
  );
}
