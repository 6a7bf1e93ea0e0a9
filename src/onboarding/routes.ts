import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { errorEnvelopeSchema } from '../http/schemas.js';
import { currentUser, requireUser } from '../http/session.js';
import { completeOnboarding, getOnboarding, saveStep } from './state.js';
import { onboardingStateSchema, type StepNumber } from './steps.schema.js';

const errors = { 400: errorEnvelopeSchema, 401: errorEnvelopeSchema, 403: errorEnvelopeSchema, 409: errorEnvelopeSchema };

/** Stage 5: the five-step wizard, for the signed-in user's workspace. */
export const onboardingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const editor = async (req: Parameters<typeof currentUser>[0]) => {
    const user = (await currentUser(req))!;
    if (user.role === 'viewer') throw new AppError('FORBIDDEN', 'Viewers cannot change workspace settings');
    return user;
  };

  app.get(
    '/api/v1/onboarding',
    { preHandler: requireUser, schema: { tags: ['onboarding'], summary: 'Current step, saved answers and suggested defaults', response: { 200: onboardingStateSchema, ...errors } } },
    async (req) => getOnboarding(db.db, (await currentUser(req))!),
  );

  app.put(
    '/api/v1/onboarding/steps/:step',
    {
      preHandler: requireUser,
      schema: {
        tags: ['onboarding'],
        summary: 'Save one step (1 welcome, 2 business, 3 platforms, 4 goals, 5 automation)',
        description:
          'The wizard saves each step here, and Settings saves each section here after completion. Once completed, a save ' +
          'does not move `current_step`, and saving goals also sets the workspace currency and time zone (one transaction).',
        params: z.object({ step: z.coerce.number().int().min(1).max(5) }),
        body: z.record(z.string(), z.unknown()),
        response: { 200: onboardingStateSchema, ...errors },
      },
    },
    async (req) => {
      const user = await editor(req);
      return saveStep(db.db, user, user.userId, req.params.step as StepNumber, req.body);
    },
  );

  app.post(
    '/api/v1/onboarding/complete',
    { preHandler: requireUser, schema: { tags: ['onboarding'], summary: 'Finish the wizard (then connect ad accounts)', response: { 200: onboardingStateSchema, ...errors } } },
    async (req) => {
      const user = await editor(req);
      return completeOnboarding(db.db, user, user.userId);
    },
  );
};
