/** What the gallery says about items it could not keep whole. */
export const STORAGE_FULL =
  'Not kept in this browser: its storage is full. The picture stays available from the service for a while; delete items you no longer need to make room.';
/** An item from an older studio whose run was lost with its page and cannot be sent again. */
export const INTERRUPTED = 'Interrupted: the page was closed before this result arrived, and its source picture was not kept to send it again.';
