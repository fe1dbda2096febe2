import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';

/**
 * A list's search box. The list is asked again once typing pauses, not for every letter: each search
 * is a request, and a page of a long list is read for it.
 */
export function SearchField({ label, onSearch }: { label: string; onSearch: (search: string) => void }) {
  const [value, setValue] = useState('');
  const [settled] = useDebouncedValue(value.trim(), 300);
  useEffect(() => onSearch(settled), [settled, onSearch]);
  return (
    <TextInput
      type="search"
      label={label}
      value={value}
      onChange={(event) => setValue(event.currentTarget.value)}
      maw={360}
    />
  );
}
