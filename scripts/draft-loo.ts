// Prints the leave-one-out table of the policy drafter (tests/support/draft-loo.ts).
import { leaveOneOut, table } from '../tests/support/draft-loo';

const threshold = process.argv[2] ? Number(process.argv[2]) : undefined;
console.log(table(leaveOneOut(threshold === undefined ? {} : { threshold })));
