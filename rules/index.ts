/** The engine's public face: checkDraft, checkImages, the registry and the types callers need. */
export * from './engine/check';
