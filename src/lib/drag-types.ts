/** The drag-and-drop data type that carries a gallery item's id from a cell to an image input. */
export const GALLERY_ITEM_DRAG_TYPE = 'application/x-aiart-gallery-item';
