using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>New-MsolServicePrincipal: adds a service principal (with a new application unless
    /// -AppPrincipalId names one) and its first credential key, and returns it with the credentials
    /// added (ServicePrincipalExtended). Without -Type and -Value the credential is MSOnline's
    /// default symmetric key, which is kept without its value.</summary>
    [Cmdlet(VerbsCommon.New, "MsolServicePrincipal", SupportsShouldProcess = true)]
    [OutputType(typeof(ServicePrincipalExtended))]
    public class NewServicePrincipal : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)] public string[] ServicePrincipalNames { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public Guid AppPrincipalId { get; set; }
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)] public string DisplayName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool AccountEnabled { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public RedirectUri[] Addresses { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public ServicePrincipalCredentialType Type { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Value { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public DateTime StartDate { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public DateTime EndDate { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public ServicePrincipalCredentialUsage Usage { get; set; }

        protected override object Target()
        {
            return DisplayName;
        }

        protected override void ProcessOne()
        {
            if (!ShouldProcess(DisplayName, "New-MsolServicePrincipal")) return;
            Submit<ServicePrincipalExtended>(BoundBody(), DisplayName, created =>
            {
                if (created.Warnings != null) foreach (string warning in created.Warnings) WriteWarning(warning);
                WriteObject(created);
            });
        }
    }
}
