import { diagnosisWords, NECESSARY_REMINDER } from '../../../electron/shared/necessary';
import { TextAreaField } from './Field';

/**
 * Free text about a person (G6): the reminder that only what is strictly necessary belongs here,
 * and a soft warning — never a refusal — when the text holds words of a diagnosis.
 */
export function NecessaryText(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  rows?: number;
  required?: boolean;
}) {
  const found = diagnosisWords(props.value);
  return (
    <TextAreaField
      {...props}
      hint={NECESSARY_REMINDER}
      warning={
        found.length > 0
          ? `Attention : « ${found.join(' », « ')} » ressemble à un diagnostic. La Commission n’a pas besoin de diagnostic : reformulez en décrivant la situation, si possible.`
          : undefined
      }
    />
  );
}
