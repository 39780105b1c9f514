import { NotFoundError } from '@vir/common';

export const incidentNotFound = () => new NotFoundError('INCIDENT_NOT_FOUND', 'Incident');
