// Zod-free, so question components can import the field names without the schemas.
/**
 * The form field names every question component uses, so a question answered in a plain
 * `<form>` (before JavaScript loads) posts the same fields that the enhanced page sends.
 *   mcq:       choice=<index>
 *   multi:     choices=<index> (repeated)
 *   truefalse: value=true|false
 *   cloze:     text=<typed answer>
 *   matching:  match-<prompt index>=<choice index> (empty when not chosen)
 */
export const FIELD = { choice: 'choice', choices: 'choices', value: 'value', text: 'text', match: 'match-' } as const;
