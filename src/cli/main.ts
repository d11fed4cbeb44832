/** `summit-notes` command-line tool (placeholder until the CLI lands). */
process.stdout.write('summit-notes: not implemented yet\n');
process.exitCode = 2;
