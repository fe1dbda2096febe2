import { Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { ownDataDownloadPath } from '../api/my-data.ts';
import { CloseAccount } from './close-account.tsx';
import { OwnPosts } from './own-posts.tsx';

/** /my-data: everything Tend holds about you — download it, delete your posts, or close your account. */
export function MyDataPage() {
  return (
    <Stack>
      <Title order={1}>Your data</Title>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h3">
            Download everything Tend holds about you
          </Title>
          <Text size="sm">
            One file with your account, enrolments, reflections, questionnaire answers and results, posts,
            session feedback, recognitions and notices. It names nobody else.
          </Text>
          <Group>
            <Button component="a" href={ownDataDownloadPath} download>
              Download my data (JSON)
            </Button>
            <Button component="a" href={`${ownDataDownloadPath}.pdf`} download variant="default">
              Download as PDF to read
            </Button>
          </Group>
        </Stack>
      </Card>
      <OwnPosts />
      <Divider />
      <CloseAccount />
    </Stack>
  );
}
