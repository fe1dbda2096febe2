import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { describeDateTime } from '../../../lib/format.ts';
import {
  type ActionStatus,
  actionStatuses,
  type ReportCount,
  type ReportSummary,
  type StressorCategory,
  useCreateLeadershipAction,
  useReportForm,
  useReportSummary,
  useUpdateLeadershipAction,
} from '../api/working-conditions.ts';
import { ActionsList } from './actions-list.tsx';
import { CategoryComments } from './category-comments.tsx';
import { countChart } from './chart-data.ts';
import { CountsChart } from './counts-chart.tsx';

function Count({ count }: { count: ReportCount }) {
  if (count.status === 'released') return <>{count.reports}</>;
  return (
    <Text span c="dimmed" title={count.explanation}>
      –
    </Text>
  );
}

function shortWeek(week: string): string {
  return new Date(`${week}T12:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

function CountsTable({
  caption,
  columns,
  summary,
  pick,
  margin,
}: {
  caption: string;
  columns: string[];
  summary: ReportSummary;
  pick: (category: ReportSummary['categories'][number]) => ReportCount[];
  margin: ReportCount[];
}) {
  return (
    <ScrollArea>
      <Table withTableBorder withColumnBorders striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Category</Table.Th>
            {columns.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
            <Table.Th scope="col">All</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.categories.map((category) => (
            <Table.Tr key={category.category}>
              <Table.Th scope="row">{category.label}</Table.Th>
              {pick(category).map((count, index) => (
                <Table.Td key={columns[index]}>
                  <Count count={count} />
                </Table.Td>
              ))}
              <Table.Td>
                <Count count={category.total} />
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">All categories</Table.Th>
            {margin.map((count, index) => (
              <Table.Td key={columns[index]}>
                <Count count={count} />
              </Table.Td>
            ))}
            <Table.Td>
              <Count count={summary.total} />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function NewActionForm({ categories }: { categories: { value: string; label: string }[] }) {
  const create = useCreateLeadershipAction();
  const empty = {
    title: '',
    description: '',
    ownerName: '',
    status: 'planned' as ActionStatus,
    dueDate: '',
    categories: [] as StressorCategory[],
  };
  const [action, setAction] = useState(empty);
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...action, dueDate: action.dueDate || null }, { onSuccess: () => setAction(empty) });
  };
  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack>
          <Title order={3} size="h4">
            New action
          </Title>
          <TextInput
            label="Title"
            value={action.title}
            onChange={(e) => setAction({ ...action, title: e.currentTarget.value })}
            error={errors.title}
          />
          <Textarea
            label="Description"
            value={action.description}
            onChange={(e) => setAction({ ...action, description: e.currentTarget.value })}
            error={errors.description}
          />
          <Group grow>
            <TextInput
              label="Owner"
              description="A role or a name"
              value={action.ownerName}
              onChange={(e) => setAction({ ...action, ownerName: e.currentTarget.value })}
              error={errors.ownerName}
            />
            <Select
              label="Status"
              data={actionStatuses.map((status) => ({ ...status }))}
              value={action.status}
              onChange={(status) => setAction({ ...action, status: (status ?? 'planned') as ActionStatus })}
              allowDeselect={false}
            />
            <TextInput
              label="Due date"
              type="date"
              value={action.dueDate}
              onChange={(e) => setAction({ ...action, dueDate: e.currentTarget.value })}
              error={errors.dueDate}
            />
          </Group>
          <MultiSelect
            label="About these categories"
            data={categories}
            value={action.categories}
            onChange={(picked) => setAction({ ...action, categories: picked as StressorCategory[] })}
          />
          {create.isSuccess ? (
            <Alert color="tend" role="status">
              Action posted; every member can see it under Speak up.
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Post action
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Leaders: report counts by category, unit and week, free text where enough reports exist, and actions. */
export function LeadershipPage() {
  const summary = useReportSummary();
  const form = useReportForm();
  const update = useUpdateLeadershipAction();
  if (summary.isPending || form.isPending)
    return <Loader role="status" aria-label="Loading working conditions" />;
  if (summary.error) return <Alert color="red">{summary.error.message}</Alert>;
  if (form.error) return <Alert color="red">{form.error.message}</Alert>;
  const data = summary.data;
  const categoryLabels = Object.fromEntries(form.data.categories.map((entry) => [entry.value, entry.label]));
  const weekLabels = data.weeks.map(shortWeek);
  return (
    <Stack>
      <Title order={1}>Working conditions</Title>
      <Text>
        Anonymous reports from the {data.weeks.length} weeks up to the last one that has ended. A dash (–) is
        a count hidden because it covers fewer than {data.minimumGroupSize} reports, or because it would let
        someone work such a count out by subtraction; the charts leave such counts out rather than drawing
        them as zero. Free text appears for a category once enough reports in it have text.
      </Text>
      <Text size="sm" c="dimmed">
        A week's figures are released once, when it has ended, and do not change afterwards — so nobody can
        tell what one report added by looking twice. This week's reports appear on{' '}
        {describeDateTime(data.nextReleaseAt)}.
      </Text>
      <CountsChart
        caption="Reports over the weeks by category"
        chart={countChart(data, weekLabels, (category) => category.byWeek)}
        columnName="week of"
        minimumGroupSize={data.minimumGroupSize}
      />
      <CountsTable
        caption="Reports by category and week (week starting)"
        columns={weekLabels}
        summary={data}
        pick={(category) => category.byWeek}
        margin={data.weekTotals}
      />
      <CountsChart
        caption="Reports by unit and category"
        chart={countChart(data, data.units, (category) => category.byUnit)}
        columnName="unit"
        minimumGroupSize={data.minimumGroupSize}
        orientation="vertical"
      />
      <CountsTable
        caption="Reports by category and unit"
        columns={data.units}
        summary={data}
        pick={(category) => category.byUnit}
        margin={data.unitTotals}
      />
      <Title order={2}>What people wrote</Title>
      {data.categories.map((category) => (
        <Card withBorder key={category.category}>
          <Title order={3} size="h4">
            {category.label}
          </Title>
          <CategoryComments
            week={data.releaseWeek}
            category={category.category}
            comments={category.comments}
          />
        </Card>
      ))}
      <Title order={2}>Actions</Title>
      <NewActionForm categories={form.data.categories} />
      {update.error ? (
        <Alert color="red" role="alert">
          {update.error.message}
        </Alert>
      ) : null}
      <ActionsList
        categoryLabels={categoryLabels}
        controls={(action) => (
          <Select
            mt="xs"
            maw={220}
            label={`Status of ${action.title}`}
            data={actionStatuses.map((status) => ({ ...status }))}
            value={action.status}
            allowDeselect={false}
            onChange={(status) => status && update.mutate({ id: action.id, status: status as ActionStatus })}
          />
        )}
      />
    </Stack>
  );
}
