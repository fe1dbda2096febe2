import { Button, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { SupportResources } from './support-resources.tsx';

/** "Get help now", in the header of every page: the organisation's support resources, one tap away. */
export function GetHelpButton() {
  const [isOpen, { open, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 36em)');
  return (
    <>
      <Button size="sm" onClick={open} aria-haspopup="dialog" px={isPhone ? 'xs' : undefined}>
        Get help now
      </Button>
      <Modal
        opened={isOpen}
        onClose={close}
        title="Get help now"
        fullScreen={isPhone}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="md">
          <Text size="sm">
            Confidential support, whenever you need it. On a phone, tap a number to call or text it.
          </Text>
          <SupportResources />
        </Stack>
      </Modal>
    </>
  );
}
