/** What a removed item's links answer (410 Gone), in English. */
export const gone = {
  'gone.title': 'Removed from the archive',
  'gone.heading': 'This item has been removed from the archive',
  'gone.intro': '“{title}” was removed from the archive on {date}.',
  'gone.introPurged': 'What was published at this address was removed from the archive on {date}. Nothing else about it is kept.',
  'gone.facts.title': 'Title',
  'gone.facts.kind': 'Kind',
  'gone.facts.edition': 'Edition',
  'gone.facts.archived': 'Archived on',
  'gone.facts.removed': 'Removed on',
  'gone.facts.reason': 'Reason',
  'gone.replacement': 'It is replaced by:',
  'gone.replacementUntitled': 'the item {id}',
  'gone.search': 'Find something else in the archive',
  'gone.problem.title': 'Removed',
  'gone.problem.detail': '{id} was removed from the archive on {date}: {reason}',
  'gone.problem.detailPurged': '{id} was removed from the archive on {date}.',
} as const;
