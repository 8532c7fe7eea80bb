import { EmptyState, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Note, NOTE_COLOURS, NoteColour } from '@internal/plugin-rocket-dbaas-common';
import { Button, Card, CardActions, CardContent, CardHeader, Grid, IconButton, Typography } from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import { useState } from 'react';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { useRocketAction } from '../../hooks/useRocketAction';
import { useRocketData } from '../../hooks/useRocketRefresh';
import { FormDialog, FormField, FormValues, optionalText } from '../FormDialog/FormDialog';

const BACKGROUND: Record<NoteColour, string> = {
  grey: '#eeeeee',
  blue: '#e3f2fd',
  green: '#e8f5e9',
  yellow: '#fff9c4',
  orange: '#ffe0b2',
  red: '#ffcdd2',
};

const fields: FormField[] = [
  { name: 'title', label: 'Title', required: true },
  { name: 'body', label: 'Note', type: 'multiline', required: true },
  { name: 'ticket', label: 'Ticket', helperText: 'Optional, e.g. CHG-1234' },
  { name: 'colour', label: 'Colour', type: 'select', options: NOTE_COLOURS },
];

const toInput = (v: FormValues) => ({
  title: String(v.title),
  body: String(v.body),
  ticket: optionalText(v.ticket),
  colour: (v.colour || 'yellow') as NoteColour,
});

function NoteCard({ note, onEdit, onDelete }: { note: Note; onEdit(): void; onDelete(): void }) {
  return (
    <Card style={{ background: BACKGROUND[note.colour], color: '#212121' }} data-testid="rocket-note">
      <CardHeader title={note.title} subheader={`${note.author} · ${new Date(note.updatedAt).toLocaleString()}${note.ticket ? ` · ${note.ticket}` : ''}`} />
      <CardContent>
        <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
          {note.body}
        </Typography>
      </CardContent>
      <CardActions>
        <IconButton aria-label={`Edit note ${note.title}`} size="small" onClick={onEdit}>
          <EditIcon fontSize="small" />
        </IconButton>
        <IconButton aria-label={`Delete note ${note.title}`} size="small" onClick={onDelete}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </CardActions>
    </Card>
  );
}

/** A cluster's notes as coloured cards that can be added, edited and deleted. */
export function NotesPanel({ cluster }: { cluster: string }) {
  const api = useApi(rocketDbaasApiRef);
  const act = useRocketAction();
  const { value, loading, error, retry } = useRocketData(() => api.listNotes(cluster), [api, cluster]);
  const [editing, setEditing] = useState<Note | 'new'>();

  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return loading ? <Progress /> : null;

  const save = async (values: FormValues) => {
    if (editing === 'new') await api.addNote(cluster, toInput(values));
    else if (editing) await api.editNote(cluster, editing.id, toInput(values));
    retry();
  };

  return (
    <>
      <Button variant="contained" color="primary" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
        Add note
      </Button>
      {value.length === 0 && <EmptyState missing="content" title="No notes yet" description="Notes keep what the next DBA on this cluster should know." />}
      <Grid container spacing={2} style={{ marginTop: 8 }}>
        {value.map(note => (
          <Grid item xs={12} sm={6} md={4} key={note.id}>
            <NoteCard
              note={note}
              onEdit={() => setEditing(note)}
              onDelete={() => act(() => api.deleteNote(cluster, note.id).then(retry), 'Note deleted')}
            />
          </Grid>
        ))}
      </Grid>
      <FormDialog
        open={editing !== undefined}
        title={editing === 'new' ? 'Add a note' : 'Edit note'}
        fields={fields}
        initial={
          editing && editing !== 'new'
            ? { title: editing.title, body: editing.body, ticket: editing.ticket ?? '', colour: editing.colour }
            : { colour: 'yellow' }
        }
        onClose={() => setEditing(undefined)}
        onSubmit={save}
      />
    </>
  );
}
