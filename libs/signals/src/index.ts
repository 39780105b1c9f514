export { SignalsJobsModule } from './signals-jobs.module';
export { SignalDeliveryService } from './signal-delivery.service';
