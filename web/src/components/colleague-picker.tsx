import { Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ApiResponse, api } from '../lib/api.ts';

/** A colleague in the person's organisation, as GET /api/colleagues answers. */
export type Colleague = ApiResponse<'GET', '/api/colleagues'>['colleagues'][number];

function useColleagueSearch(search: string) {
  const trimmed = search.trim();
  return useQuery({
    queryKey: ['colleagues', trimmed],
    enabled: trimmed.length >= 2,
    queryFn: async () => (await api('GET', '/api/colleagues', { query: { search: trimmed } })).colleagues,
  });
}

/** Find a colleague by name and choose one: a search box, then the matches as radio buttons. */
export function ColleaguePicker({
  search,
  onSearchChange,
  chosenId,
  onChoose,
  error,
}: {
  search: string;
  onSearchChange: (search: string) => void;
  chosenId: string | null;
  onChoose: (colleague: Colleague | null) => void;
  error?: string | undefined;
}) {
  const colleagues = useColleagueSearch(search);
  return (
    <>
      <TextInput
        label="Find a colleague by name"
        description="Type at least two letters."
        value={search}
        error={error}
        onChange={(event) => onSearchChange(event.currentTarget.value)}
      />
      {colleagues.isFetching ? <Loader size="sm" role="status" aria-label="Searching" /> : null}
      {colleagues.data && colleagues.data.length === 0 ? <Text size="sm">No one by that name.</Text> : null}
      {colleagues.data && colleagues.data.length > 0 ? (
        <Radio.Group
          label="Colleague"
          value={chosenId}
          onChange={(id) => onChoose(colleagues.data?.find((candidate) => candidate.id === id) ?? null)}
        >
          <Stack gap={4} mt={4}>
            {colleagues.data.map((candidate) => (
              <Radio key={candidate.id} value={candidate.id} label={candidate.name} />
            ))}
          </Stack>
        </Radio.Group>
      ) : null}
    </>
  );
}
