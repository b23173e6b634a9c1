/** What a gallery item id may look like when it arrives from outside (an archive, a picture's recipe). */
export const ITEM_ID_PATTERN = /^[\w-]{1,100}$/;
