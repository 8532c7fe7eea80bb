import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';

/** One field of a {@link FormDialog}. */
export type FormField = {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'multiline' | 'select';
  options?: ReadonlyArray<string | { value: string; label: string }>;
  required?: boolean;
  multiple?: boolean;
  helperText?: string;
};

export type FormValues = Record<string, string | string[]>;

type Props = {
  open: boolean;
  title: string;
  fields: FormField[];
  initial?: FormValues;
  submitLabel?: string;
  onClose(): void;
  /** Saves the values; a thrown error is shown in the dialog, which stays open. */
  onSubmit(values: FormValues): Promise<void>;
};

const emptyValue = (field: FormField) => (field.multiple ? [] : '');

/** A small form in a dialog, for Rocket's create and edit actions. */
export function FormDialog({ open, title, fields, initial, submitLabel = 'Save', onClose, onSubmit }: Props) {
  const [values, setValues] = useState<FormValues>({});
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      setValues(Object.fromEntries(fields.map(f => [f.name, initial?.[f.name] ?? emptyValue(f)])));
      setError(undefined);
    }
    // reset only when the dialog opens, not when its parent re-renders
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const missing = fields.some(f => f.required && !String(values[f.name] ?? '').trim());

  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="rocket-form-title">
      <DialogTitle id="rocket-form-title">{title}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {fields.map(field => (
          <TextField
            key={field.name}
            id={`rocket-field-${field.name}`}
            name={field.name}
            label={field.label}
            required={field.required}
            helperText={field.helperText}
            fullWidth
            margin="dense"
            type={field.type === 'number' ? 'number' : 'text'}
            multiline={field.type === 'multiline'}
            minRows={field.type === 'multiline' ? 3 : undefined}
            select={field.type === 'select'}
            SelectProps={field.multiple ? { multiple: true } : undefined}
            value={values[field.name] ?? emptyValue(field)}
            onChange={e => setValues(v => ({ ...v, [field.name]: e.target.value as string | string[] }))}
          >
            {field.options?.map(option => {
              const { value, label } = typeof option === 'string' ? { value: option, label: option } : option;
              return (
                <MenuItem key={value} value={value}>
                  {label}
                </MenuItem>
              );
            })}
          </TextField>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button color="primary" variant="contained" disabled={missing || saving} onClick={submit}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Text of a form value, or null when it was left empty. */
export function optionalText(value: FormValues[string] | undefined): string | null {
  const text = String(value ?? '').trim();
  return text ? text : null;
}
