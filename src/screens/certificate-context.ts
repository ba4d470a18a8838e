import { createContext, useContext } from 'react';

export interface CertificateState {
  /** Whether the certificate is shown over the final's result (its own address, #/final/certificate). */
  open: boolean;
  /** Opens (true) or closes (false) it as a step in the browser's history, so Back returns to the result. */
  show: (open: boolean) => void;
}

/** The certificate's view state belongs to the shell, which keeps it in the address. */
export const CertificateContext = createContext<CertificateState>({ open: false, show: () => undefined });

export const useCertificate = () => useContext(CertificateContext);
