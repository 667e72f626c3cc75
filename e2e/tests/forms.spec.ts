// Whenever Save does not send, the person sees why: every failing field marked in plain words, the
// first one focused. Typed and pasted input, as people enter it.
import type { Page } from '@playwright/test';
import { expect, signIn, test } from '../fixtures.ts';

test.describe.configure({ mode: 'serial' });

async function newTimerForm(page: Page, e2e: Parameters<typeof signIn>[1]): Promise<void> {
  await page.goto(`${e2e.app.url}/sign-in?returnUrl=%2Ftimers%2Fnew`);
  await signIn(page, e2e);
  await expect(page).toHaveURL(/\/timers\/new$/);
}

const field = (page: Page, name: string) => page.locator(`ion-input[name=${name}]`);
const save = (page: Page) => page.getByRole('button', { name: 'Save' }).click();

/** Marked as Ionic shows an invalid field: the classes, the error text, aria-invalid. */
async function expectMarked(page: Page, name: string, message: string): Promise<void> {
  const host = field(page, name);
  await expect(host).toHaveClass(/\bion-invalid\b/);
  await expect(host).toHaveClass(/\bion-touched\b/);
  await expect(host.locator('.error-text')).toHaveText(message);
  await expect(host.locator('input')).toHaveAttribute('aria-invalid', 'true');
}

/** The count below a text field: characters as the server counts them, against the limit. */
const count = (page: Page, name: string) =>
  page.locator(`app-timer-form div:has(> [name=${name}]) [data-testid=field-count]`);

async function expectFocused(page: Page, name: string): Promise<void> {
  await expect(field(page, name).locator('input')).toBeFocused();
}

/** Pastes through the system clipboard, as Ctrl-V does. */
async function paste(page: Page, name: string, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // A string, not a function: the Node-side type check has no DOM types.
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await field(page, name).locator('input').click();
  await page.keyboard.press('ControlOrMeta+V');
}

test('a name typed after a failed Save: invalid fields stay marked; 110 typed characters are kept and said to be 10 too many', async ({
  page,
  e2e,
}) => {
  await newTimerForm(page, e2e);
  await save(page);
  await expectMarked(page, 'name', 'Name is required.');
  await expectMarked(page, 'executionCommand', 'Command is required.');
  await expectFocused(page, 'name');
  await expect(page.getByTestId('form-summary')).toHaveText('Not saved. Check Name, Command.');

  // Only spaces: still no name, and typing must not unmark the field.
  await field(page, 'name').locator('input').pressSequentially('   ');
  await expectMarked(page, 'name', 'Name is required.');
  await save(page);
  await expectMarked(page, 'name', 'Name is required.');

  // Nothing is cut: every character typed stays, and the count says how many are too many.
  await field(page, 'name').locator('input').fill('');
  await field(page, 'name').locator('input').pressSequentially('n'.repeat(110));
  await expect(field(page, 'name').locator('input')).toHaveValue('n'.repeat(110));
  await expect(count(page, 'name')).toHaveText('10 too many · 110 / 100');
  await save(page);
  await expectMarked(page, 'name', 'Name can be at most 100 characters.');
  await expectFocused(page, 'name');
  await expect(page.getByTestId('form-summary')).toHaveText('Not saved. Check Name, Command.');

  await field(page, 'name').locator('input').press('End');
  for (let i = 0; i < 10; i++) await page.keyboard.press('Backspace');
  await expect(count(page, 'name')).toHaveText('100 / 100');
  await expect(field(page, 'name')).not.toHaveClass(/\bion-invalid\b/);
  await save(page);
  // The untouched command is still marked after the name was typed, and now gets the focus.
  await expectMarked(page, 'executionCommand', 'Command is required.');
  await expectFocused(page, 'executionCommand');
  await expect(page).toHaveURL(/\/timers\/new$/);
});

test('pasted text over the limit is kept whole and marked; an emoji at 99 of 100 is one character', async ({
  page,
  e2e,
}) => {
  await newTimerForm(page, e2e);
  await paste(page, 'name', 'p'.repeat(150));
  await expect(field(page, 'name').locator('input')).toHaveValue('p'.repeat(150));
  await expect(count(page, 'name')).toHaveText('50 too many · 150 / 100');
  await paste(page, 'executionCommand', 'c'.repeat(1200));
  await expect(field(page, 'executionCommand').locator('input')).toHaveValue('c'.repeat(1200));
  await expect(count(page, 'executionCommand')).toHaveText('200 too many · 1200 / 1000');
  await save(page);
  await expectMarked(page, 'name', 'Name can be at most 100 characters.');
  await expectMarked(page, 'executionCommand', 'Command can be at most 1000 characters.');
  await expect(page).toHaveURL(/\/timers\/new$/);

  // 99 letters and an emoji: 101 UTF-16 units, 100 characters as the server counts them.
  const name = `${'p'.repeat(99)}😀`;
  await field(page, 'name').locator('input').fill('p'.repeat(99));
  await field(page, 'name').locator('input').press('End');
  await page.keyboard.insertText('😀');
  await expect(field(page, 'name').locator('input')).toHaveValue(name);
  await expect(count(page, 'name')).toHaveText('100 / 100');
  await field(page, 'executionCommand').locator('input').fill('c'.repeat(1000));
  await save(page);
  await expect(page).toHaveURL(/\/timers\/[^/]+$/);
  await expect(page.locator('ion-toast').last()).toHaveText('Timer created');
  await expect(page.getByTestId('timer-detail')).toContainText(name);
});

test('invisible control characters in pasted text are named, and removed on request', async ({
  page,
  e2e,
}) => {
  await newTimerForm(page, e2e);
  await paste(page, 'name', 'Nightly\u0007 backup\u001b');
  const controls = page.locator('app-timer-form').getByTestId('field-controls');
  await expect(controls).toHaveText(/2 invisible control characters are in this text/);
  await field(page, 'executionCommand').locator('input').fill('/usr/local/bin/backup');
  await expectMarked(
    page,
    'name',
    "Name can't contain invisible control characters, such as tabs or line breaks.",
  );
  await controls.getByRole('button', { name: 'Remove them' }).click();
  await expect(field(page, 'name').locator('input')).toHaveValue('Nightly backup');
  await expect(controls).toHaveCount(0);
  await expect(field(page, 'name')).not.toHaveClass(/\bion-invalid\b/);
  await expectFocused(page, 'name');
  await save(page);
  await expect(page.getByTestId('timer-detail')).toContainText('Nightly backup');
});

test('Run until: year 275760 after a failed Save, a half-typed date and a past date are all marked', async ({
  page,
  e2e,
}) => {
  await newTimerForm(page, e2e);
  await save(page);
  await expectMarked(page, 'name', 'Name is required.');
  await field(page, 'name').locator('input').fill('Backup');
  await field(page, 'executionCommand').locator('input').fill('/usr/local/bin/backup');

  const until = field(page, 'executeUntil').locator('input');
  await until.fill('275760-01-01T10:00');
  await save(page);
  await expectMarked(
    page,
    'executeUntil',
    'Enter a full date and time (a 4-digit year), or clear the field.',
  );
  await expectFocused(page, 'executeUntil');

  // A date without a time: the input reports '' (badInput); it is marked, never dropped.
  await until.fill('');
  await until.click();
  await until.press('Home');
  await page.keyboard.type('01312030');
  await save(page);
  await expectMarked(page, 'executeUntil', 'Enter both a date and a time, or clear the field.');

  await until.fill('2001-01-01T10:00');
  await save(page);
  await expectMarked(
    page,
    'executeUntil',
    'Pick a date and time in the future, or clear the field.',
  );
  await expect(page).toHaveURL(/\/timers\/new$/);

  await until.fill('2099-01-01T10:00');
  await save(page);
  await expect(page).toHaveURL(/\/timers\/[^/]+$/);
});
