import { Module } from '@nestjs/common';
import { ComplaintsController } from './controllers/complaints.controller';
import { ComplaintsHandlersModule } from './complaints-handlers.module';

/** The college's register of complaints (api). */
@Module({ imports: [ComplaintsHandlersModule], controllers: [ComplaintsController] })
export class ComplaintsModule {}
