import { Foundation1764300000000 } from './1764300000000-foundation';
import { Registrations1764400000000 } from './1764400000000-registrations';
import { Matching1764500000000 } from './1764500000000-matching';
import { FollowUpAndDelivery1764600000000 } from './1764600000000-follow-up-and-delivery';
import { AuditChain1764700000000 } from './1764700000000-audit-chain';
import { Incidents1764800000000 } from './1764800000000-incidents';
import { LighterHotIndexes1764900000000 } from './1764900000000-lighter-hot-indexes';
import { CollegeScopedKeyedAudit1765000000000 } from './1765000000000-college-scoped-keyed-audit';
import { BatchedSignalEvents1765100000000 } from './1765100000000-batched-signal-events';
import { PersonalAccounts1765200000000 } from './1765200000000-personal-accounts';
import { StandInsAndAuditScope1765300000000 } from './1765300000000-stand-ins-and-audit-scope';
import { ContactOutcome1765400000000 } from './1765400000000-contact-outcome';
import { IncidentReporters1765500000000 } from './1765500000000-incident-reporters';
import { SubjectRequests1765600000000 } from './1765600000000-subject-requests';
import { AgreementTerm1765700000000 } from './1765700000000-agreement-term';
import { InformationTasks1765800000000 } from './1765800000000-information-tasks';
import { ContactConfirmation1765900000000 } from './1765900000000-contact-confirmation';
import { InformationReminders1766000000000 } from './1766000000000-information-reminders';
import { EscalationHandling1766100000000 } from './1766100000000-escalation-handling';
import { Complaints1766200000000 } from './1766200000000-complaints';
import { IncidentFollowUp1766300000000 } from './1766300000000-incident-follow-up';
import { SignalDigest1766400000000 } from './1766400000000-signal-digest';
import { CollegeClosingDays1766500000000 } from './1766500000000-college-closing-days';
import { BrpVerification1766600000000 } from './1766600000000-brp-verification';
import { FamilyMatch1766700000000 } from './1766700000000-family-match';
import { BrpFollowing1766800000000 } from './1766800000000-brp-following';
import { BsnRights1766900000000 } from './1766900000000-bsn-rights';
import { AddressMatch1767000000000 } from './1767000000000-address-match';
import { AddressExclusionLookup1767100000000 } from './1767100000000-address-exclusion-lookup';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [
  Foundation1764300000000,
  Registrations1764400000000,
  Matching1764500000000,
  FollowUpAndDelivery1764600000000,
  AuditChain1764700000000,
  Incidents1764800000000,
  LighterHotIndexes1764900000000,
  CollegeScopedKeyedAudit1765000000000,
  BatchedSignalEvents1765100000000,
  PersonalAccounts1765200000000,
  StandInsAndAuditScope1765300000000,
  ContactOutcome1765400000000,
  IncidentReporters1765500000000,
  SubjectRequests1765600000000,
  AgreementTerm1765700000000,
  InformationTasks1765800000000,
  ContactConfirmation1765900000000,
  InformationReminders1766000000000,
  EscalationHandling1766100000000,
  Complaints1766200000000,
  IncidentFollowUp1766300000000,
  SignalDigest1766400000000,
  CollegeClosingDays1766500000000,
  BrpVerification1766600000000,
  FamilyMatch1766700000000,
  BrpFollowing1766800000000,
  BsnRights1766900000000,
  AddressMatch1767000000000,
  AddressExclusionLookup1767100000000,
];
