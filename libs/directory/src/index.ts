// The agency directory as it stands: seeds/agencies.yaml with the contacts and
// merges kept in the database laid over it, read fresh by every process.
export { type ContactImportPlan, ensureContactsSeeded, importChangesAnything, importContacts, planContactImport } from './contact-import';
export { type DirectorySource, fixedDirectory, LiveDirectory, storedDirectoryOver } from './live-directory';
export { contactsOfDirectory, overlayDirectory } from './overlay';
