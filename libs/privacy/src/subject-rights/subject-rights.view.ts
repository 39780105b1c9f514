import { ApiProperty } from '@nestjs/swagger';

export class SubjectRegistrationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() organisation: string;
  @ApiProperty() professional: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date' }) plannedRemovalDate: string;
  @ApiProperty() status: string;
}
export class SubjectArchiveView {
  @ApiProperty() organisation: string;
  @ApiProperty() professional: string;
  @ApiProperty({ format: 'date-time' }) archivedAt: string;
  @ApiProperty({ format: 'date' }) destroyAt: string;
}
export class SubjectSignalView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ description: 'Organisation of the recipient' }) recipientOrganisation: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
export class SubjectAccessView {
  @ApiProperty({
    enum: ['legal_representative', 'youth_and_legal_representative', 'youth'],
    description:
      'Who must file the request, by age (Jw 7.1.5.1(2)): under 12 the legal representative, 12–15 jointly, 16+ the youth',
  })
  requestedBy: string;
  @ApiProperty({ type: [SubjectRegistrationView] }) registrations: SubjectRegistrationView[];
  @ApiProperty({ type: [SubjectArchiveView] }) archiveEntries: SubjectArchiveView[];
  @ApiProperty({ type: [SubjectSignalView] }) signals: SubjectSignalView[];
}
export class SubjectErasureView {
  @ApiProperty() registrationsRemoved: number;
  @ApiProperty() archiveEntriesDestroyed: number;
}
