import { cognitoError, fakeAmplify } from './auth-testing';
import { resendSignUpCode, sendResetCode } from './code-requests';

describe('code requests', () => {
  it('resolve alike for an account, an unknown user, and one confirmed or unverified', async () => {
    const { steps } = fakeAmplify();
    steps.resetPassword.and.resolveTo({
      isPasswordReset: false,
      nextStep: {
        resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
        codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' },
      },
    });
    await expectAsync(sendResetCode(steps, 'ann')).toBeResolvedTo(undefined);
    expect(steps.resetPassword).toHaveBeenCalledWith({ username: 'ann' });
    steps.resetPassword.and.rejectWith(cognitoError('UserNotFoundException'));
    await expectAsync(sendResetCode(steps, 'nobody')).toBeResolvedTo(undefined);
    steps.resetPassword.and.rejectWith(
      cognitoError(
        'InvalidParameterException',
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
      ),
    );
    await expectAsync(sendResetCode(steps, 'unverified')).toBeResolvedTo(undefined);

    steps.resendSignUpCode.and.rejectWith(
      cognitoError('InvalidParameterException', 'User is already confirmed.'),
    );
    await expectAsync(resendSignUpCode(steps, 'ann')).toBeResolvedTo(undefined);
    expect(steps.resendSignUpCode).toHaveBeenCalledWith({ username: 'ann' });
  });

  it('let every other failure through, to be told in words', async () => {
    const { steps } = fakeAmplify();
    steps.resetPassword.and.rejectWith(cognitoError('LimitExceededException'));
    await expectAsync(sendResetCode(steps, 'ann')).toBeRejectedWith(
      jasmine.objectContaining({ name: 'LimitExceededException' }),
    );
    steps.resendSignUpCode.and.rejectWith(
      cognitoError('InvalidParameterException', '1 validation error detected'),
    );
    await expectAsync(resendSignUpCode(steps, 'ann')).toBeRejectedWith(
      jasmine.objectContaining({ name: 'InvalidParameterException' }),
    );
  });
});
