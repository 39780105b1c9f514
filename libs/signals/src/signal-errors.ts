import { NotFoundError } from '@vir/common';

export const signalNotFound = () => new NotFoundError('SIGNAL_NOT_FOUND', 'Signal');
