import { afterEach, describe, expect, it } from 'vitest';
import { idsBetween, useGalleryView } from './gallery-view-store';

const shown = ['a', 'b', 'c', 'd', 'e', 'f'];
const selected = () => [...useGalleryView.getState().selected].sort();

afterEach(() => useGalleryView.setState(useGalleryView.getInitialState(), true));

describe('selecting a range', () => {
  it('takes the ids between two, in either direction', () => {
    expect(idsBetween(shown, 'b', 'e')).toEqual(['b', 'c', 'd', 'e']);
    expect(idsBetween(shown, 'e', 'b')).toEqual(['b', 'c', 'd', 'e']);
    expect(idsBetween(shown, 'c', 'c')).toEqual(['c']);
    expect(idsBetween(shown, 'gone', 'c')).toEqual([]);
  });

  it('adds everything from the last clicked item to the Shift-clicked one, keeping what was selected', () => {
    const view = useGalleryView.getState();
    view.setSelecting(true);
    view.toggleSelected('a');
    view.toggleSelected('c');
    useGalleryView.getState().selectRange(shown, 'e');
    expect(selected()).toEqual(['a', 'c', 'd', 'e']);
    // The range goes on from the item Shift-clicked last.
    useGalleryView.getState().selectRange(shown, 'f');
    expect(selected()).toEqual(['a', 'c', 'd', 'e', 'f']);
  });

  it('toggles the item alone when there is no start in view', () => {
    const view = useGalleryView.getState();
    view.setSelecting(true);
    view.selectRange(shown, 'd');
    expect(selected()).toEqual(['d']);
    view.toggleSelected('zz');
    useGalleryView.getState().selectRange(shown, 'b');
    expect(selected()).toEqual(['b', 'd', 'zz']);
  });

  it('forgets the start when select mode ends', () => {
    const view = useGalleryView.getState();
    view.setSelecting(true);
    view.toggleSelected('a');
    view.setSelecting(false);
    expect(useGalleryView.getState().anchor).toBeUndefined();
  });
});
