import { z } from 'zod';

// Record ids are UUIDs made by the services; schemas accept only that shape at every boundary.
export const idSchema = z.uuid({ message: 'must be a record id (UUID)' });
export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
