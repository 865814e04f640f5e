import { useCallback, useEffect, useMemo, useState } from 'react';
import { monitorNats, type BackendConfig, type NatsMonitorStatus } from '../../src/index';
import { natsServerOfLink } from './natsLink';
import { loadChoice, loadCredentials, saveChoice, saveCredentials, toBackendConfig, type BackendChoice, type BackendCredentials } from './backendChoice';

/** Everything the UI needs about where hosts run. */
export interface BackendState {
  choice: BackendChoice;
  credentials: BackendCredentials;
  /** What runs send to their workers. */
  config: BackendConfig;
  /** Live connection state of the NATS server (undefined on the browser backend). */
  status: NatsMonitorStatus | undefined;
  choose(patch: Partial<Omit<BackendChoice, 'v'>>): void;
  /** Sets the credentials for the server chosen now (they are sent to it alone). */
  setCredentials(credentials: BackendCredentials): void;
  /** A NATS server named by the opened link, waiting for the visitor's yes or no. */
  offer: string | undefined;
  answerOffer(accept: boolean): void;
  /** The server of a link whose offer was declined: ⚙ offers it, so changing one's mind needs no typing. */
  declined: string | undefined;
  /** True once a run went ahead in this browser while the offer was still unanswered. */
  ranBeforeAnswer: boolean;
  /** Called as a run starts: an audience member who pressed Run before Connect must be told. */
  noticeRun(): void;
}

/**
 * The host backend choice ("this browser" | "a NATS server"), persisted without
 * credentials, plus a status connection to the server while NATS is chosen.
 * `persist` is false in embeds, which never touch the visitor's settings.
 */
export function useBackend(persist = true, search = ''): BackendState {
  const [choice, setChoice] = useState<BackendChoice>(loadChoice);
  // A link naming the server already in use needs no question.
  const [offer, setOffer] = useState<string | undefined>(() => {
    const named = natsServerOfLink(search);
    const current = loadChoice();
    return named !== undefined && !(current.kind === 'nats' && current.servers === named) ? named : undefined;
  });
  const [credentials, setCreds] = useState<BackendCredentials>(loadCredentials);
  const [status, setStatus] = useState<NatsMonitorStatus | undefined>();
  const [ranBeforeAnswer, setRanBeforeAnswer] = useState(false);
  const [declined, setDeclined] = useState<string | undefined>();
  const config = useMemo(() => toBackendConfig(choice, credentials), [choice, credentials]);

  useEffect(() => void (persist && saveChoice(choice)), [choice, persist]);
  useEffect(() => {
    if (config.kind !== 'nats') {
      setStatus(undefined);
      return;
    }
    return monitorNats(config, setStatus);
  }, [config]);

  const choose = useCallback((patch: Partial<Omit<BackendChoice, 'v'>>) => setChoice((c) => ({ ...c, ...patch })), []);
  const setCredentials = useCallback(
    (next: BackendCredentials) => {
      const bound = { ...next, server: choice.servers };
      setCreds(bound);
      saveCredentials(bound);
    },
    [choice.servers],
  );
  const answerOffer = useCallback(
    (accept: boolean) => {
      if (accept && offer !== undefined) choose({ kind: 'nats', servers: offer });
      // Not saved as the address: it may be a stranger's link, and the visitor's own address stays.
      if (!accept) setDeclined(offer);
      setOffer(undefined);
    },
    [offer, choose],
  );
  const noticeRun = useCallback(() => {
    if (offer !== undefined) setRanBeforeAnswer(true);
  }, [offer]);
  return useMemo(
    () => ({ choice, credentials, config, status, choose, setCredentials, offer, answerOffer, declined, ranBeforeAnswer, noticeRun }),
    [choice, credentials, config, status, choose, setCredentials, offer, answerOffer, declined, ranBeforeAnswer, noticeRun],
  );
}
