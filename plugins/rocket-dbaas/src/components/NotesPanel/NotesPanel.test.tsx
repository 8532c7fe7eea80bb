import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { rocketDbaasApiRef } from '../../api/RocketDbaasApi';
import { fakeRocketApi, note } from '../../__testUtils__/fakeRocketApi';
import { NotesPanel } from './NotesPanel';

const noSignals = { subscribe: () => ({ unsubscribe() {} }) };

describe('NotesPanel', () => {
  it('shows the notes and adds one through the API', async () => {
    const notes = [note(1, 'Replica rebuild')];
    const api = fakeRocketApi({
      listNotes: async () => [...notes],
      addNote: async (_cluster, input) => {
        const added = { ...note(2, input.title), body: input.body };
        notes.unshift(added);
        return added;
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[rocketDbaasApiRef, api], [signalApiRef, noSignals]]}>
        <NotesPanel cluster="shop-db" />
      </TestApiProvider>,
    );
    expect(await screen.findByText('Replica rebuild')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /add note/i }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /title/i }), { target: { value: 'Disk alert' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /note/i }), { target: { value: 'Grow the volume' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Disk alert')).toBeInTheDocument();
    expect(api.addNote).toHaveBeenCalledWith('shop-db', { title: 'Disk alert', body: 'Grow the volume', ticket: null, colour: 'yellow' });
  });

  it('keeps the dialog open with the error when the API refuses', async () => {
    const api = fakeRocketApi({
      listNotes: async () => [],
      addNote: async () => {
        throw new Error('Invalid request body: title: String must contain at most 200 character(s)');
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[rocketDbaasApiRef, api], [signalApiRef, noSignals]]}>
        <NotesPanel cluster="shop-db" />
      </TestApiProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /add note/i }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /title/i }), { target: { value: 'x' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /note/i }), { target: { value: 'y' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('title: String must contain at most 200'));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
