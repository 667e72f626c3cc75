import { cognitoError, fakeAmplify } from './auth-testing';
import { sendResetCode } from './reset-code';

describe('sendResetCode', () => {
  it('says where the code went', async () => {
    const { steps } = fakeAmplify();
    steps.resetPassword.and.resolveTo({
      isPasswordReset: false,
      nextStep: {
        resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' },
      },
    });
    expect(await sendResetCode(steps, 'ann')).toBe('a***@e***');
    expect(steps.resetPassword).toHaveBeenCalledWith({ username: 'ann' });
  });

  it('answers an unknown user as a code sent to nowhere named, and lets other errors through', async () => {
    const { steps } = fakeAmplify();
    steps.resetPassword.and.rejectWith(cognitoError('UserNotFoundException'));
    expect(await sendResetCode(steps, 'nobody')).toBeUndefined();
    steps.resetPassword.and.rejectWith(cognitoError('LimitExceededException'));
    await expectAsync(sendResetCode(steps, 'ann')).toBeRejectedWith(
      jasmine.objectContaining({ name: 'LimitExceededException' }),
    );
  });
});
