import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { manifest, renderCourse, titles } from './render-course.tsx';

let downloads: { name: string; blob: Blob }[];
beforeEach(() => {
  downloads = [];
  let lastBlob: Blob;
  URL.createObjectURL = vi.fn((blob: Blob) => ((lastBlob = blob), 'blob:progress'));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: lastBlob });
  });
});
afterEach(() => vi.restoreAllMocks());

const [moduleOne] = manifest.modules;

async function openPanel(user: Awaited<ReturnType<typeof renderCourse>>['user'], name = 'Kelola kemajuan') {
  await user.click(await screen.findByRole('button', { name }));
  return within(await screen.findByRole('region', { name: /Kemajuan belajar Anda|Your progress/ }));
}

describe('my progress file', () => {
  it('moves my progress to another device: download here, restore there after seeing what it holds', async () => {
    const first = await renderCourse();
    await first.user.click(screen.getByRole('button', { name: 'Mulai belajar' }));
    await first.user.click(await screen.findByRole('button', { name: 'Berikutnya' }));
    await first.user.click(screen.getByRole('button', { name: 'Beranda' }));
    await first.user.click((await openPanel(first.user)).getByRole('button', { name: 'Unduh kemajuan' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0].name).toMatch(/^berdaya-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = await downloads[0].blob.text();
    first.unmount();
    localStorage.clear(); // another device

    const second = await renderCourse({ search: '?lang=en' });
    expect(screen.getByRole('button', { name: 'Start learning' })).toBeInTheDocument();
    const panel = await openPanel(second.user, 'Manage progress');
    await second.user.upload(panel.getByLabelText('Restore progress from a file'), new File([exported], 'progress.json', { type: 'application/json' }));
    expect(await panel.findByText(new RegExp(`0 of ${manifest.modules.length} modules completed, 0 questions answered\\. Replace your current progress with this file\\?`))).toHaveFocus();
    await second.user.click(panel.getByRole('button', { name: 'Yes, replace it' }));
    expect(panel.getByRole('status')).toHaveTextContent('Your progress has been restored from the file.');
    await second.user.click(screen.getByRole('button', { name: 'Continue learning' }));
    expect(await screen.findByText(`Page 2 of ${moduleOne.pages}`)).toBeInTheDocument();
  });

  it('refuses a file that is not a progress file, and changes nothing', async () => {
    const { user } = await renderCourse({ search: '?lang=en' });
    const panel = await openPanel(user, 'Manage progress');
    await user.upload(panel.getByLabelText('Restore progress from a file'), new File(['<script>alert(1)</script>'], 'evil.json', { type: 'application/json' }));
    expect(await panel.findByRole('alert')).toHaveTextContent('This is not a progress file from this course.');
    expect(panel.queryByRole('button', { name: 'Yes, replace it' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start learning' })).toBeInTheDocument();
  });

  it('asks before deleting my progress, and offers a download first', async () => {
    const { user } = await renderCourse();
    await user.click(screen.getByRole('button', { name: 'Mulai belajar' }));
    await user.click(await screen.findByRole('button', { name: 'Beranda' }));
    const panel = await openPanel(user);
    await user.click(panel.getByRole('button', { name: 'Hapus kemajuan dan mulai dari awal' }));
    expect(panel.getByText(/Semua jawaban dan skor di perangkat ini akan dihapus/)).toHaveFocus();
    await user.click(panel.getByRole('button', { name: 'Batal' }));
    expect(screen.getByRole('button', { name: 'Lanjutkan belajar' })).toBeInTheDocument();

    await user.click(panel.getByRole('button', { name: 'Hapus kemajuan dan mulai dari awal' }));
    expect(panel.getAllByRole('button', { name: 'Unduh kemajuan' })).toHaveLength(2);
    await user.click(panel.getByRole('button', { name: 'Ya, hapus semuanya' }));
    expect(panel.getByRole('status')).toHaveTextContent('Kemajuan sudah dihapus.');
    expect(screen.getByRole('button', { name: 'Mulai belajar' })).toBeInTheDocument();
    expect(screen.getByText(`Modul ${moduleOne.number}: ${titles.id.modules[moduleOne.id]}`).parentElement).toHaveTextContent('Belum dimulai');
  });
});
