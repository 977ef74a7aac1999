import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_UPLOADS, MAX_UPLOAD_PARTS, Uploads } from '../background/uploads';
import { IMAGE_PART, fromExtensionItself, isImageDataUrl } from '../protocol/messages';

// What the extension's own contexts accept from the page's side of it.
afterEach(() => vi.useRealTimers());

describe('thumbnails the popup and the card show', () => {
  it('are only data: URLs of raster images', () => {
    expect(isImageDataUrl('data:image/jpeg;base64,/9j/4AAQSkZJRg==')).toBe(true);
    expect(isImageDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    for (const url of [
      'https://tracker.example/pixel.gif',
      '//tracker.example/pixel.gif',
      'blob:https://www.facebook.com/1234',
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/jpeg;base64,abc" onerror="alert(1)',
      'javascript:alert(1)',
      null,
      42,
    ]) {
      expect(isImageDataUrl(url), String(url)).toBe(false);
    }
  });
});

describe("the offscreen document's listener", () => {
  const id = 'phoenllgakabgohcllbhpbgpmmngooni';
  const origin = `chrome-extension://${id}/`;
  it('answers the extension worker only', () => {
    expect(fromExtensionItself({ id, url: `${origin}background.js` }, id, origin)).toBe(true);
    // A content script (its sender has a tab), another extension, a page.
    expect(fromExtensionItself({ id, url: 'https://www.facebook.com/', tab: { id: 3 } }, id, origin)).toBe(false);
    expect(fromExtensionItself({ id: 'otherextensionid', url: 'chrome-extension://otherextensionid/bg.js' }, id, origin)).toBe(false);
    expect(fromExtensionItself({ url: 'https://www.facebook.com/' }, id, origin)).toBe(false);
  });
});

describe('image uploads in parts', () => {
  const part = (upload: string, length = 10) => ({ type: 'image-part' as const, upload, part: 'a'.repeat(length) });
  const request = (upload: string) => ({ type: 'image-analyse' as const, image: '', name: 'x.jpg', upload });

  it('puts a large image together again', () => {
    const uploads = new Uploads();
    uploads.receive(part('u', IMAGE_PART));
    uploads.receive(part('u', 5));
    expect(uploads.assembled(request('u')).image).toHaveLength(IMAGE_PART + 5);
    expect(() => uploads.assembled(request('u'))).toThrow(/did not arrive whole/);
  });

  it('refuses a part longer than IMAGE_PART', () => {
    expect(() => new Uploads().receive(part('u', IMAGE_PART + 1))).toThrow(/longer than/);
  });

  it(`refuses an upload of more than ${MAX_UPLOAD_PARTS} parts, and forgets it`, () => {
    const uploads = new Uploads();
    for (let i = 0; i < MAX_UPLOAD_PARTS; i++) uploads.receive(part('u'));
    expect(() => uploads.receive(part('u'))).toThrow(/larger than/);
    expect(() => uploads.assembled(request('u'))).toThrow(/did not arrive whole/);
  });

  it(`holds at most ${MAX_UPLOADS} uploads at once, and drops one left unclaimed after a minute`, () => {
    vi.useFakeTimers();
    const uploads = new Uploads();
    for (let i = 0; i < MAX_UPLOADS; i++) uploads.receive(part(`u${i}`));
    expect(() => uploads.receive(part('one-more'))).toThrow(/at once/);
    vi.advanceTimersByTime(60_001);
    uploads.receive(part('one-more'));
    expect(uploads.assembled(request('one-more')).image).toHaveLength(10);
  });
});
