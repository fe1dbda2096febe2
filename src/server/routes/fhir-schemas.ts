/** The FHIR R4 resources Tend exports (core/instruments/fhir-questionnaire.ts), as the API documents them. */
import { z } from 'zod';

const ExtensionSchema = z.union([
  z.object({ url: z.string(), valueDecimal: z.number() }),
  z.object({ url: z.string(), valueExpression: z.object({ language: z.string(), expression: z.string() }) }),
]);

const CodingSchema = z.object({
  system: z.string(),
  code: z.string(),
  display: z.string(),
  extension: z.array(ExtensionSchema).optional(),
});

export const FhirQuestionnaireSchema = z
  .object({
    resourceType: z.literal('Questionnaire'),
    url: z.string(),
    name: z.string(),
    title: z.string(),
    version: z.string(),
    status: z.literal('active'),
    description: z.string(),
    copyright: z.string(),
    item: z.array(
      z.object({
        linkId: z.string(),
        type: z.enum(['choice', 'decimal', 'display']),
        text: z.string(),
        required: z.boolean().optional(),
        readOnly: z.boolean().optional(),
        answerOption: z
          .array(z.object({ extension: z.array(ExtensionSchema), valueCoding: CodingSchema }))
          .optional(),
        extension: z.array(ExtensionSchema).optional(),
      }),
    ),
  })
  .describe('A FHIR R4 Questionnaire (https://hl7.org/fhir/R4/questionnaire.html)');

export const FhirQuestionnaireResponseSchema = z
  .object({
    resourceType: z.literal('QuestionnaireResponse'),
    questionnaire: z.string(),
    status: z.enum(['completed', 'in-progress']),
    authored: z.string(),
    item: z.array(
      z.object({
        linkId: z.string(),
        text: z.string(),
        answer: z.array(z.object({ valueCoding: CodingSchema })),
      }),
    ),
  })
  .describe('A FHIR R4 QuestionnaireResponse (https://hl7.org/fhir/R4/questionnaireresponse.html)');

/** A FHIR resource answered as application/fhir+json, the media type FHIR defines for JSON. */
export function fhirResponse(description: string, schema: z.ZodType) {
  return { description, content: { 'application/fhir+json': { schema } } };
}
