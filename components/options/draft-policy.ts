/**
 * The drafter for the options page, loaded only when a policy is drafted (a dynamic import from
 * OwnPolicy.tsx), so pdfjs, mammoth and the drafter's knowledge stay out of every other bundle.
 * Everything happens in the page: the file is read here and nothing is sent anywhere.
 */
import { builtInKnowledge } from '../../packs/draft/builtin';
import { draftPack } from '../../packs/draft/draft';
import { ExtractError, extractText, MAX_BYTES } from '../../packs/draft/extract';
import type { DraftOutcome } from './own-policy';

export { ExtractError };

export interface Drafted {
  outcome: DraftOutcome;
  text: string;
  from: string;
}

/** Drafts a pack from pasted text or a file (.txt, .md, .pdf, .docx); bad input is an ExtractError. */
export async function draftPolicy(
  input: { text: string } | { file: File },
  options: { id: string; name: string; organisation: string },
): Promise<Drafted> {
  let extracted: string;
  let from: string;
  if ('file' in input) {
    from = input.file.name;
    if (input.file.size > MAX_BYTES)
      throw new ExtractError(`${from} is ${(input.file.size / 1024 / 1024).toFixed(0)} MB; a policy document is expected to be under ${MAX_BYTES / 1024 / 1024} MB`);
    extracted = (await extractText(await input.file.arrayBuffer(), from)).text;
  } else {
    from = 'the pasted text';
    extracted = (await extractText(input.text, from)).text;
  }
  const result = draftPack(extracted, builtInKnowledge(), options);
  return { outcome: result, text: extracted, from };
}
