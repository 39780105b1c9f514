import { ApiProperty } from '@nestjs/swagger';
import { IsNotBlank } from '@vir/common';
import { IsString, IsUrl, MaxLength } from 'class-validator';

export class SetIdentityProviderDto {
  @ApiProperty({
    format: 'uri',
    maxLength: 255,
    example: 'https://login.ggd-limburg-noord.example.nl',
    description: 'The OpenID Connect issuer; its `/.well-known/openid-configuration` must name exactly this issuer',
  })
  @IsUrl({ require_protocol: true, require_tld: false, protocols: ['http', 'https'] })
  @MaxLength(255)
  issuer: string;

  @ApiProperty({ maxLength: 255, example: 'verwijsindex' })
  @IsString()
  @IsNotBlank()
  @MaxLength(255)
  clientId: string;

  @ApiProperty({ maxLength: 512, writeOnly: true, description: 'Kept sealed; never returned' })
  @IsString()
  @IsNotBlank()
  @MaxLength(512)
  clientSecret: string;
}

export class IdentityProviderView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uri' }) issuer: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ format: 'uri', description: 'Register this redirect URI at the provider' }) redirectUri: string;
}
