import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { normaliseBsn } from './bsn';
import { serviceNumber, Sex } from './service-number';

/** How a youth is identified in a request; never stored, logged or put in a job. */
export type YouthIdentifier = { bsn: string } | { surname: string; birthDate: string; sex: Sex };

export interface YouthKey {
  /** HMAC-SHA-256 of the identifier under the current pseudonym key. */
  key: Buffer;
  version: number;
}

/**
 * Derives the youth key: a keyed hash of the BSN or the verwijsindexservicenummer.
 * Matching needs only equality of keys; without VIR_PSEUDONYM_KEY a key cannot be tied to a BSN.
 * The two kinds of identifier are domain-separated so a service number can never equal a BSN.
 */
@Injectable()
export class YouthKeyService {
  private readonly secret: Buffer;
  readonly version: number;

  constructor(config: AppConfig) {
    this.secret = Buffer.from(config.VIR_PSEUDONYM_KEY, 'utf8');
    this.version = config.VIR_PSEUDONYM_KEY_VERSION;
  }

  derive(youth: YouthIdentifier): YouthKey {
    let subject: string;
    if ('bsn' in youth) {
      const bsn = normaliseBsn(youth.bsn);
      if (!bsn) throw new Error('derive() needs a validated BSN');
      subject = `bsn:${bsn}`;
    } else {
      subject = `vsn:${serviceNumber(youth.surname, youth.birthDate, youth.sex)}`;
    }
    return { key: createHmac('sha256', this.secret).update(subject, 'utf8').digest(), version: this.version };
  }
}
