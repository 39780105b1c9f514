import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController, ApiProperty } from '@nestjs/swagger';
import { Public } from '@vir/auth';
import { AppConfig } from '@vir/config';
import { API_VERSION } from './openapi';

export class ApiLinks {
  @ApiProperty({ format: 'uri' }) docs: string;
  @ApiProperty({ format: 'uri' }) openapi: string;
  @ApiProperty({ format: 'uri' }) health: string;
}

export class ApiIndexView {
  @ApiProperty({ example: 'Verwijsindex risicojongeren' }) name: string;
  @ApiProperty({ example: API_VERSION }) version: string;
  @ApiProperty({ type: ApiLinks }) links: ApiLinks;
}

/** The root of the versioned API: where to read the docs and the OpenAPI document (a convenience for people, not part of the contract). */
@ApiExcludeController()
@Public()
@Controller()
export class ApiIndexController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  index(): ApiIndexView {
    const base = this.config.VIR_PUBLIC_URL;
    return {
      name: 'Verwijsindex risicojongeren',
      version: API_VERSION,
      links: { docs: `${base}/v1/docs`, openapi: `${base}/v1/openapi.json`, health: `${base}/health/ready` },
    };
  }
}
