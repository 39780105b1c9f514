import type { Principal } from '@vir/auth';
import { SubjectErasureDto } from './erase-youth.dto';

export class EraseYouthCommand {
  constructor(
    readonly principal: Principal,
    readonly input: SubjectErasureDto,
  ) {}
}
