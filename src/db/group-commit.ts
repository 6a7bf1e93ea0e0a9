import DataLoader from 'dataloader';

export interface GroupCommitOptions {
  /** Most items written in one transaction. */
  maxBatch: number;
  /** Batches writing at once: 1 on PGlite's single connection, a few on a PostgreSQL pool. */
  maxInFlight: number;
}

/**
 * Group commit: items that arrive while earlier batches are being written wait and go into
 * the next transaction together, so under load a commit carries many rows instead of one,
 * and with no load an item is written at once (the next turn of the event loop). `write`
 * answers one result or Error per item, in order; each caller gets its own.
 */
export function groupCommit<I, O>(write: (items: readonly I[]) => Promise<readonly (O | Error)[]>, opts: GroupCommitOptions): (item: I) => Promise<O> {
  let inFlight = 0;
  // Batches closed for dispatch, oldest first; a batch stays open to new items until it leaves.
  const waiting: Array<() => void> = [];
  const pump = () => {
    while (inFlight < opts.maxInFlight && waiting.length > 0) {
      inFlight++;
      waiting.shift()!();
    }
  };
  const release = () => {
    inFlight--;
    pump();
  };
  const loader = new DataLoader<I, O>(
    async (items) => {
      try {
        return await write(items);
      } finally {
        release();
      }
    },
    {
      cache: false,
      maxBatchSize: opts.maxBatch,
      batchScheduleFn: (dispatch) => {
        waiting.push(dispatch);
        // The next turn, so that everything arriving in this one joins the batch.
        setImmediate(pump);
      },
    },
  );
  return (item) => loader.load(item);
}
